# keyword arguments may come in any order, and any of them may be left out
fn area(w: 1, h: 2) { w * h }
print(area())  # expect: 2
print(area(h: 5))  # expect: 5
print(area(h: 3, w: 4))  # expect: 12
