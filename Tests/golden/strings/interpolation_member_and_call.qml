# interpolation can hold field access and calls
let cfg = {lr: 0.01}
print("lr={cfg.lr}, n={len([1, 2, 3])}")  # expect: lr=0.01, n=3
