# a bare return gives nil
fn nothing() { return }
print(nothing())  # expect: nil
