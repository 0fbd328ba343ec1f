# an interpolated string is inserted without quotes
let name = "ising"
print("model: {name}")  # expect: model: ising
