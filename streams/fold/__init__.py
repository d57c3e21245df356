"""The ordered fold (pure domain): events released in event-time order, running tolls per series,
hourly and rolling windows with watermarks, and the alert rules evaluated over them."""
