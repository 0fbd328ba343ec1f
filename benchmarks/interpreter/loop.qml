# A tight loop inside a function: ten million integer additions on local variables.
fn loop() {
    var i = 0
    var s = 0
    while i < 10000000 { s = s + i; i = i + 1 }
    s
}
print(loop())
