print("vaktaal")
