# fixing a variable the model lacks
let H = ising(J: {(0, 1): 1.0})
let F = H.fix({7: 1})
# expect error: 3:9: fix: cannot fix 7: the model has no such variable
