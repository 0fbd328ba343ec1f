# xs.append(v) adds v to the end of the var xs
var xs = [1]
xs.append(2)
xs.append(3)
print(xs)  # expect: [1, 2, 3]
