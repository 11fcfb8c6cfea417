pub mod claim;
pub mod extract;
pub mod interval;
pub mod number;
pub mod token;
pub mod when;
pub mod key;
pub mod rules;
