# try used for its effects, with the value ignored
try { print("ok") } catch e { print("failed") }  # expect: ok
try { error("bad") } catch e { print("failed") }  # expect: failed
