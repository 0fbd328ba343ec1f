# if expressions nest
fn grade(x) { if x >= 5 { if x >= 8 { "high" } else { "mid" } } else { "low" } }
print(grade(9))  # expect: high
print(grade(6))  # expect: mid
print(grade(1))  # expect: low
