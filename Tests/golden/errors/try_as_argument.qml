# try is an expression and can be an argument
print(try { error("a") } catch e { "handled" })  # expect: handled
