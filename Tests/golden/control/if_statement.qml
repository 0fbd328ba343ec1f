# if without else runs its block only when the condition is true
if true { print("yes") }  # expect: yes
if false { print("no") }
