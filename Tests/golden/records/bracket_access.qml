# r["key"] reads a field by a string key, which may be computed
let cfg = {lr: 0.01, steps: 100}
print(cfg["lr"])  # expect: 0.01
let k = "steps"
print(cfg[k])  # expect: 100
