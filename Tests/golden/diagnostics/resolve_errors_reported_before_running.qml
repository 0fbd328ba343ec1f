# resolution errors stop the script before anything runs
print("never printed")
let z = undefined_thing + 1
# expect error: 3:9: undefined name `undefined_thing`
