# a misspelt record field, with a suggestion
let cfg = {lr: 0.1, steps: 10}
print(cfg.lrr)
# expect error: 3:11: record has no field `lrr`
