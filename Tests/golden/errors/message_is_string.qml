# e.message is a string
let r = try { error("oops") } catch e { type(e.message) }
print(r)  # expect: string
