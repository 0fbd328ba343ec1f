# save(value, path) writes a model through its own save method.
let m = fvbm(complete(4), seed: 1)
save(m, "/tmp/qrepl-golden-fvbm.json")
let back = load_model("/tmp/qrepl-golden-fvbm.json")
print(back)
# expect: fvbm(4 variables, 6 couplings)
print(back.J == m.J, back.h == m.h)
# expect: true true
