# a probability above 1
let g = erdos_renyi(10, 1.5)
# expect error: 2:9: erdos_renyi: p must be between 0 and 1, got 1.5
