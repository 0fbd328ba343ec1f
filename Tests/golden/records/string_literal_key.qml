# a quoted key names the same field as a bare one
let r = {"lr": 0.5}
print(r.lr)  # expect: 0.5
