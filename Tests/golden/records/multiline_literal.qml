# a record literal may span lines and end with a comma
let cfg = {
    lr: 0.01,
    steps: 100,
}
print(cfg)  # expect: {lr: 0.01, steps: 100}
