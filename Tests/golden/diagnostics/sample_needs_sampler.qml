# sample given something that is not a sampler
let H = ising(J: {(0, 1): 1.0})
let s = sample(H, 5)
# expect error: 3:9: sample: `sampler` must be a sampler, got int
