"""channels/twilio"""
