# fields that are not numbers
let H = ising(h: [1, "x"])
# expect error: 2:9: ising: field 1 must be a number, got string
