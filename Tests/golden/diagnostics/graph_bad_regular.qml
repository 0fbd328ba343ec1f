# a regular graph with an odd number of endpoints
let g = random_regular(5, 3, seed: 1)
# expect error: 2:9: random_regular: n × d must be even for a d-regular graph (n = 5, d = 3)
