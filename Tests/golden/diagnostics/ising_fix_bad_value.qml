# fixing a spin to 0
let H = ising(J: {(0, 1): 1.0})
let F = H.fix({0: 0})
# expect error: 3:9: fix: cannot fix 0 to 0: spins are -1 or +1
