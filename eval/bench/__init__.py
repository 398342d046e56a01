"""`kefu bench`: performance figures, each as min / median / p99 over repeated runs."""
