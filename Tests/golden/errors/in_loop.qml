# try inside a loop handles each failure and the loop goes on
for x in [1, 0, 2] {
    let r = try { 10 // x } catch e { -1 }
    print(r)
}
# expect: 10
# expect: -1
# expect: 5
