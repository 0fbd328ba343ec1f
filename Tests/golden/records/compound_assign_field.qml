# += works on a record field
var stats = {count: 0}
stats.count += 1
stats.count += 1
print(stats.count)  # expect: 2
