# a parameter with a default is passed by keyword and may be left out
fn scaled(x, by: 2.0) { x * by }
print(scaled(3))  # expect: 6.0
print(scaled(3, by: 4))  # expect: 12
