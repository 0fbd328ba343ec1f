# a let inside a while body is a fresh binding on each iteration
var fs = []
var i = 0
while i < 3 {
    let j = i
    fs.append(|| j)
    i += 1
}
print(fs[0]())  # expect: 0
print(fs[2]())  # expect: 2
