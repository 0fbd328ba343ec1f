# r.key reads a field
let cfg = {lr: 0.01, steps: 100}
print(cfg.lr)  # expect: 0.01
print(cfg.steps)  # expect: 100
