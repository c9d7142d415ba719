// The portal's entry point: every component is registered by importing its module.
import './app.js';
