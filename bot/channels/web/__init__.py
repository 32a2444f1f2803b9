"""channels/web"""
