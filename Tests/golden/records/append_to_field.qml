# .append on a list held in a var record's field changes that field
var history = {losses: [0.5]}
history.losses.append(0.25)
print(history.losses)  # expect: [0.5, 0.25]
