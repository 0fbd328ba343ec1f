# nil equals only nil
let x = 3
print(nil == nil)  # expect: true
print(x == nil)  # expect: false
print(x != nil)  # expect: true
