# and / or do not evaluate the right side when the left side decides
fn boom() { error("should not run") }
print(false and boom())  # expect: false
print(true or boom())  # expect: true
