# strings compare equal by content
let a = "ab"
print(a + "c" == "abc")  # expect: true
print("abc" != "abd")  # expect: true
