# try without catch
let r = try { 1 }
print(r)
# expect error: 2:18: expected `catch` after the `try` block, found end of line
