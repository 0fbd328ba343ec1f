# a lattice size out of range is an error naming the argument
let p = pegasus(1)
# expect error: 2:9: pegasus: m must be between 2 and 128, got 1
