# cfg.opt.lr = v changes a field of an inner record
var cfg = {opt: {lr: 0.1}, steps: 3}
cfg.opt.lr = 0.05
print(cfg.opt.lr)  # expect: 0.05
print(cfg)  # expect: {opt: {lr: 0.05}, steps: 3}
