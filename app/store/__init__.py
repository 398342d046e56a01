"""The store: import of customers, products, orders and refunds, and read access to them."""
