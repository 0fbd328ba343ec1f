# A module whose top level fails at run time.
let ok = 1
let broken = [1, 2][7]
