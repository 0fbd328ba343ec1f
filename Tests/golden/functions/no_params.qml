# a function without parameters
fn answer() { 42 }
print(answer())  # expect: 42
