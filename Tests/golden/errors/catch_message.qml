# error("...") raises; catch e binds it and e.message is the text
let r = try { error("boom") } catch e { e.message }
print(r)  # expect: boom
