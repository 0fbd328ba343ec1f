# assigning to an outer var from inside a block changes that var
var count = 0
if true {
    count = count + 1
}
print(count)  # expect: 1
