# a handler can raise a new error that an outer try catches
let r = try {
    try { error("inner") } catch e { error("outer saw " + e.message) }
} catch e {
    e.message
}
print(r)  # expect: outer saw inner
