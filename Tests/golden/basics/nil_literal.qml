# nil is a literal and prints as nil
let nothing = nil
print(nothing)  # expect: nil
