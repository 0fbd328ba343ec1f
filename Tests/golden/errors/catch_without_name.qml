# catch may omit the name of the error
let r = try { error("x") } catch { "caught" }
print(r)  # expect: caught
