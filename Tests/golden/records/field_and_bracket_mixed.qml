# field and bracket access combine in one expression
let cfg = {lr: 0.01, steps: 100}
print(cfg.lr + cfg["steps"])  # expect: 100.01
