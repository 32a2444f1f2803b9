"""channels/telegram"""
