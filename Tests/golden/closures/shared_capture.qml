# two closures made in the same call share the variable they capture
fn make_pair() {
    var n = 0
    let inc = || { n += 1 }
    let get = || n
    (inc, get)
}
let (inc, get) = make_pair()
inc()
inc()
print(get())  # expect: 2
