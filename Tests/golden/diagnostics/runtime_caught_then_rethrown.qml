# an error raised from a catch handler
try { error("first") } catch e { error("second: " + e.message) }
# expect error: 2:34: second: first
